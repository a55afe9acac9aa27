// Stands in for `server-only`, whose import throws outside a React server build.
export {};
