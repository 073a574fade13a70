// Short links and saved requests on a real database: PGlite in memory.
import { describe, expect, it } from "vitest";
import { memoryDatabaseForFile } from "@/test/support/memory-database";
import { createDefaultState } from "@/lib/domain/request/composer";
import { decodeShareState, encodeShareState } from "@/lib/domain/share/codec";
import { sequentialIds } from "@/test/support/sequential-ids";
import {
  createCollection,
  deleteRequest,
  getRequest,
  listCollections,
  listRequests,
  saveRequest,
  updateRequest,
  FIRST_COLLECTION_NAME,
} from "./saved-requests";
import { createShortLink, openShortLink, revokeShortLink } from "./short-links";
import { stateForStorage, type StoredState } from "./stored-state";

const database = memoryDatabaseForFile();

function stored(message = "hello"): StoredState {
  const state = { ...createDefaultState(sequentialIds()), message };
  const result = stateForStorage(encodeShareState(state));
  if (!result.ok) throw new Error(result.message);
  return result.stored;
}

describe("short links", () => {
  it("open to the same configuration, with an id of 144 random bits", async () => {
    const link = await createShortLink(database().db, stored("from a link"), { ttlDays: 30 });
    expect(link.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const opened = await openShortLink(database().db, link.id);
    expect(opened.status).toBe("open");
    if (opened.status !== "open") return;
    const decoded = decodeShareState(opened.encoded, sequentialIds());
    expect(decoded.success && decoded.data.state.message).toBe("from a link");
    const other = await createShortLink(database().db, stored(), { ttlDays: 30 });
    expect(other.id).not.toBe(link.id);
  });

  it("expire after their days, and say so", async () => {
    const made = new Date("2026-01-01T00:00:00Z");
    const link = await createShortLink(database().db, stored(), { ttlDays: 30, now: made });
    expect(
      (await openShortLink(database().db, link.id, new Date("2026-01-30T23:00:00Z"))).status,
    ).toBe("open");
    const later = await openShortLink(database().db, link.id, new Date("2026-01-31T00:00:01Z"));
    expect(later).toEqual({ status: "expired", expiresAt: new Date("2026-01-31T00:00:00Z") });
  });

  it("are revoked only with the key their creator was given", async () => {
    const link = await createShortLink(database().db, stored(), { ttlDays: 30 });
    expect(await revokeShortLink(database().db, link.id, "x".repeat(32))).toBe("wrong_key");
    expect((await openShortLink(database().db, link.id)).status).toBe("open");
    expect(await revokeShortLink(database().db, link.id, link.revokeKey)).toBe("revoked");
    expect((await openShortLink(database().db, link.id)).status).toBe("revoked");
    // Revoking twice is no error; an unknown link is said to be unknown.
    expect(await revokeShortLink(database().db, link.id, link.revokeKey)).toBe("revoked");
    expect(await revokeShortLink(database().db, "A".repeat(24), link.revokeKey)).toBe("unknown");
    expect((await openShortLink(database().db, "A".repeat(24))).status).toBe("unknown");
  });
});

describe("collections and saved requests", () => {
  it("start with one collection, and list, search and page what is saved", async () => {
    const [first] = await listCollections(database().db);
    expect(first!.name).toBe(FIRST_COLLECTION_NAME);
    const team = await createCollection(database().db, "Team");
    const names = ["Calendar lookup", "Tasks 100%", "tasks_done", "Notes", "Deferred search"];
    for (const [index, name] of names.entries()) {
      const id = await saveRequest(database().db, {
        collectionId: team.id,
        folder: index < 2 ? "daily" : "",
        name,
        description: index === 3 ? "uses the calendar too" : "",
        state: stored(name),
      });
      expect(id).toBeTruthy();
    }
    const all = await listRequests(database().db, {
      collection: team.id,
      q: "",
      offset: 0,
      limit: 50,
    });
    expect(all.total).toBe(5);
    // Top level first, then folders, each by name.
    expect(all.requests.map((r) => r.name)).toEqual([
      "Deferred search",
      "Notes",
      "tasks_done",
      "Calendar lookup",
      "Tasks 100%",
    ]);
    expect(all.requests[0]!.servers).toEqual(["calendar", "tasks"]);
    const calendar = await listRequests(database().db, {
      collection: team.id,
      q: "calendar",
      offset: 0,
      limit: 50,
    });
    // Name and description both match, case-insensitively.
    expect(calendar.requests.map((r) => r.name).sort()).toEqual(["Calendar lookup", "Notes"]);
    // LIKE's own characters are searched as themselves.
    const percent = await listRequests(database().db, {
      collection: team.id,
      q: "0%",
      offset: 0,
      limit: 50,
    });
    expect(percent.requests.map((r) => r.name)).toEqual(["Tasks 100%"]);
    const underscore = await listRequests(database().db, {
      collection: team.id,
      q: "s_d",
      offset: 0,
      limit: 50,
    });
    expect(underscore.requests.map((r) => r.name)).toEqual(["tasks_done"]);
    const page = await listRequests(database().db, {
      collection: team.id,
      q: "",
      offset: 3,
      limit: 2,
    });
    expect(page).toMatchObject({ total: 5, offset: 3 });
    expect(page.requests.map((r) => r.name)).toEqual(["Calendar lookup", "Tasks 100%"]);
    const collections = await listCollections(database().db);
    expect(collections.find((c) => c.id === team.id)?.requestCount).toBe(5);
  });

  it("update, move, delete and restore a request; refuse a collection that is not there", async () => {
    const home = await createCollection(database().db, "Home");
    const away = await createCollection(database().db, "Away");
    const id = (await saveRequest(database().db, {
      collectionId: home.id,
      folder: "",
      name: "First",
      description: "",
      state: stored("one"),
    }))!;
    expect(await updateRequest(database().db, id, { name: "Renamed", state: stored("two") })).toBe(
      "updated",
    );
    const read = await getRequest(database().db, id);
    expect(read.found && read.request.name).toBe("Renamed");
    const decoded = read.found ? decodeShareState(read.request.state, sequentialIds()) : null;
    expect(decoded?.success && decoded.data.state.message).toBe("two");
    expect(await updateRequest(database().db, id, { collectionId: away.id, folder: "a/b" })).toBe(
      "updated",
    );
    expect(
      (await listRequests(database().db, { collection: away.id, q: "", offset: 0, limit: 50 }))
        .total,
    ).toBe(1);
    expect(await deleteRequest(database().db, id)).toBe(true);
    expect((await getRequest(database().db, id)).found).toBe(false);
    expect(await updateRequest(database().db, id, { name: "while deleted" })).toBe("not_found");
    expect(await updateRequest(database().db, id, { deleted: false })).toBe("updated");
    expect((await getRequest(database().db, id)).found).toBe(true);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await updateRequest(database().db, id, { collectionId: missing })).toBe("no_collection");
    expect(
      await saveRequest(database().db, {
        collectionId: missing,
        folder: "",
        name: "x",
        description: "",
        state: stored(),
      }),
    ).toBeNull();
  });

  it("refuses a row altered in the database instead of passing it on", async () => {
    const collection = await createCollection(database().db, "Tampered");
    const id = (await saveRequest(database().db, {
      collectionId: collection.id,
      folder: "",
      name: "To be altered",
      description: "",
      state: stored(),
    }))!;
    await database().db.execute(
      `update saved_requests set state = jsonb_set(state, '{payload,s,0,token}', '"sk-x"') where id = '${id}'`,
    );
    expect(await getRequest(database().db, id)).toEqual({ found: false, damaged: true });
  });
});
