/** A parsed settings file or a table of it (`_config.yml`, `hugo.toml`), as the import reads them. */
export type Config = Record<string, unknown>;

/** A table (mapping), not a list, a scalar or null. */
export const isObject = (value: unknown): value is Config => typeof value === "object" && value !== null && !Array.isArray(value);
