import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side Session row this token belongs to. */
    sid?: string;
  }
}
