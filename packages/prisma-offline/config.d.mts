import type { PrismaConfig } from "prisma/config";
export declare const OFFLINE_ENGINE_PATH: string;
export declare function offlineConfig(config: PrismaConfig): PrismaConfig;
