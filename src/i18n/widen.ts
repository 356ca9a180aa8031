/** A strings object's shape with every literal widened to string (what a translation fills). */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
