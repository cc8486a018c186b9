/** The three roles, ordered: each one can do everything the roles below it can. */
import { z } from "zod";

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export function hasRole(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads and exports incidents",
  analyst: "Ingests, edits, verifies or rejects incidents, exports",
  admin: "Manages users and everything an analyst does",
};
