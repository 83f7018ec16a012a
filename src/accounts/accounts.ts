import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import { newId } from "../lib/ids";
import { hashPassword } from "./password";
import { ApiError } from "../lib/problem";

export type UserRow = typeof users.$inferSelect;

/** A new recipient account, or 409 when the email is taken (decided by the unique index, not a read). */
export async function createAccount(db: Database, email: string, password: string): Promise<UserRow> {
  const user = { id: newId("usr"), email, passwordHash: await hashPassword(password), createdAt: Date.now() };
  const inserted = await db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id });
  if (inserted.length === 0) throw new ApiError("conflict", "An account with this email already exists; sign in instead.");
  return user;
}

export async function findAccount(db: Database, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get();
}
