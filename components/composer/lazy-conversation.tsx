"use client";

import { lazyComponent } from "@/components/ui/lazy-component";

/** The earlier turns (and the response blocks they show) load once there is a conversation. */
export const ConversationView = lazyComponent(
  () => import("./conversation-view").then((module) => module.ConversationView),
  () => <p className="text-xs text-muted">Loading the conversation…</p>,
);
