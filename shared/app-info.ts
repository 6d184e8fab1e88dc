import * as z from 'zod';

export const appInfoSchema = z.object({
  version: z.string(),
  /** Where the data lives, so a user can find and back it up. */
  databaseFile: z.string(),
  /** Newest migration applied to the database. */
  schemaVersion: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
