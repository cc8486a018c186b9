"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const t = useTranslations("auth");
  return (
    <button
      type="button"
      disabled={pending}
      className={buttonClass("ghost", "px-2 py-1")}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
