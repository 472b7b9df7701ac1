export declare const MIGRATIONS_TABLE_DDL: string;
export declare function sqlitePathFromUrl(url: string, baseDir: string): string;
