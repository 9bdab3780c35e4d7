export declare class DatabaseLockedError extends Error {}
export declare function lockFileFor(pgliteDir: string): string;
export interface DatabaseLock {
  token: string;
  inherited: boolean;
  release(): void;
}
export declare function acquireDatabaseLock(pgliteDir: string, purpose: string, env?: NodeJS.ProcessEnv): DatabaseLock;
