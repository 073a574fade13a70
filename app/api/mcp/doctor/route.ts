import { handleDoctorRequest } from "@/lib/doctor/route";
import { guardRoute } from "@/lib/http/guard-route";

export const dynamic = "force-dynamic";

export const POST = guardRoute({ json: true, rateLimited: true }, (request: Request) =>
  handleDoctorRequest(request),
);
