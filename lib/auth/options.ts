/**
 * next-auth configuration: email + password only, JWT sessions that expire after 8 hours. The token
 * carries the user id and a fingerprint of the password hash; the guard re-reads the user on every
 * request, so nothing in the token is trusted for longer than one request.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "./ip";
import { authenticate, type AuthenticatedUser } from "./login";
import { SESSION_MAX_AGE_SECONDS, useSecureCookies } from "./session-token";
import { findUserCredentialsById } from "./users";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: useSecureCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const user = await authenticate({
          email: credentials?.email,
          password: credentials?.password,
          ip: clientIp(request?.headers as Record<string, string> | undefined),
        });
        if (!user) return null;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, passwordFingerprint: user.passwordFingerprint };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as AuthenticatedUser & { id: string };
        token.sub = signedIn.id;
        token.pwv = signedIn.passwordFingerprint;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: Number(token.sub) } };
    },
  },
  events: {
    async signOut({ token }) {
      const user = token?.sub ? await findUserCredentialsById(Number(token.sub)) : null;
      if (user) await recordAudit({ user, action: "auth.logout", targetType: "user", targetId: user.id });
    },
  },
};
