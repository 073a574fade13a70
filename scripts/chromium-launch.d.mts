export const SYSTEM_CHROMIUM: string;
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] };
