import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/next-auth";
import { route } from "@/lib/http/route";

// next-auth's own endpoints (csrf, credentials callback, sign-out). Public by nature; the policy
// decides what a session may do once it exists.
const handler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req, ctx, authOptions());

export const GET = route("/api/auth/[...nextauth]", handler);
export const POST = route("/api/auth/[...nextauth]", handler);
