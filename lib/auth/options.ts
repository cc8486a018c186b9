/**
 * next-auth configuration: email + password only, JWT sessions that expire after 8 hours. The token
 * carries the user id, a fingerprint of the password hash and the user's session generation; the guard
 * re-reads the user on every request, so nothing in the token is trusted for longer than one request.
 * Signing out raises the generation: a copy of the cookie taken before is worthless afterwards.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "./ip";
import { authenticate, type AuthenticatedUser } from "./login";
import { SESSION_MAX_AGE_SECONDS, useSecureCookies } from "./session-token";
import { endUserSessions, findUserCredentialsById } from "./users";

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
        return {
          id: String(user.id),
          email: user.email,
          name: user.name,
          role: user.role,
          passwordFingerprint: user.passwordFingerprint,
          sessionGeneration: user.sessionGeneration,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as AuthenticatedUser & { id: string };
        token.sub = signedIn.id;
        token.pwv = signedIn.passwordFingerprint;
        token.gen = signedIn.sessionGeneration;
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // next-auth's own session endpoint: an ended session must not be renewed there either (next-auth
      // answers an empty session and clears the cookie when this throws).
      const current = token.sub ? await findUserCredentialsById(Number(token.sub)) : null;
      if (!current || current.disabled || current.sessionGeneration !== token.gen) throw new Error("Session ended");
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: Number(token.sub) } };
    },
  },
  events: {
    async signOut({ token }) {
      const user = token?.sub ? await findUserCredentialsById(Number(token.sub)) : null;
      // Only a session that is still current may end the others: an old copied cookie cannot be used
      // to sign its owner out everywhere over and over.
      if (!user || user.sessionGeneration !== token?.gen) return;
      await endUserSessions(user.id);
      await recordAudit({ user, action: "auth.logout", targetType: "user", targetId: user.id });
    },
  },
};
