"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { readRouteError, unreachableError } from "@/lib/client/api/route-error";

type Status =
  { kind: "idle" } | { kind: "ok"; message: string } | { kind: "error"; message: string };

/** Sends the access token to /api/access, which answers with the cookie (or with why not). */
export function AccessForm() {
  const [token, setToken] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function call(method: "POST" | "DELETE") {
    try {
      const response = await fetch("/api/access", {
        method,
        headers: { "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ token }) : "{}",
      });
      if (response.ok) {
        setToken("");
        setStatus({
          kind: "ok",
          message:
            method === "POST"
              ? "Unlocked: this browser may now send with the server's API key."
              : "Locked again: this browser no longer uses the server's API key.",
        });
      } else {
        setStatus({ kind: "error", message: (await readRouteError(response)).message });
      }
    } catch (error) {
      setStatus({ kind: "error", message: unreachableError(error, false).message });
    }
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void call("POST");
      }}
    >
      <label htmlFor="access-token" className="block text-sm font-medium">
        Access token
      </label>
      <TextInput
        id="access-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        className="font-mono"
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!token}>
          Unlock
        </Button>
        <Button type="button" variant="secondary" onClick={() => void call("DELETE")}>
          Lock this browser
        </Button>
      </div>
      {status.kind !== "idle" ? (
        <p
          role={status.kind === "error" ? "alert" : "status"}
          data-testid="access-status"
          className={status.kind === "error" ? "text-sm text-danger" : "text-sm text-ok"}
        >
          {status.message}
        </p>
      ) : null}
    </form>
  );
}
