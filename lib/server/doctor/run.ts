import "server-only";
// The connection doctor: everything between a server URL and a working MCP connection, checked
// in order and said in words with a fix — URL shape, DNS, TCP/TLS, HTTP, transport (and how it
// answers GET/DELETE), initialize (including the version the API's connector sends), auth,
// tools/list against the API's limits, timing. Every connection goes through the address guard.
// A check that cannot pass stops the ones after it, which are reported as not checked.
import { check, concludeReport, type DoctorReport } from "@/lib/domain/doctor/checks";
import {
  checkConnect,
  checkDns,
  checkUrl,
  isStop,
  type DoctorRun,
  type Stop,
} from "./network-checks";
import { checkHttp, checkMcp } from "./protocol-checks";
import type { DoctorOptions } from "./probes";

export { CONNECTOR_CLIENT_INFO, CONNECTOR_PROTOCOL_VERSION, type DoctorOptions } from "./probes";

export async function runDoctor(rawUrl: string, options: DoctorOptions): Promise<DoctorReport> {
  const run: DoctorRun = {
    rawUrl,
    options,
    timeoutMs: options.timeoutMs ?? 8_000,
    api: options.target === "anthropic",
    checks: [],
  };
  const stopped = (stop: Stop) => {
    for (const id of stop.skip) run.checks.push(check(id, "skip", `Not checked: ${stop.stop}`));
    return concludeReport(rawUrl, options.target, run.checks);
  };
  const parsed = checkUrl(run);
  if (isStop(parsed)) return stopped(parsed);
  const { url, hostname, own } = parsed;
  const addresses = await checkDns(run, hostname, own);
  if (isStop(addresses)) return stopped(addresses);
  const connectStop = await checkConnect(run, url, hostname, own, addresses);
  if (connectStop) return stopped(connectStop);
  const httpStop = await checkHttp(run, url);
  if (httpStop) return stopped(httpStop);
  await checkMcp(run, url);
  return concludeReport(rawUrl, options.target, run.checks);
}
