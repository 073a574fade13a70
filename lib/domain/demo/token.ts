/** The documented demo token of the tasks server. Not a secret: it guards nothing real. */
export const DEMO_TASKS_TOKEN = "demo-tasks-token";
