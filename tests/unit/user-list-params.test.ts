import { test } from "node:test";
import assert from "node:assert/strict";
import { readUserListParams, userListSearch } from "@/lib/users/user-list-params";

test("the users list reads its search and page from the URL, and anything odd is page 1", () => {
  assert.deepEqual(readUserListParams("  alice ", "3"), { query: "alice", page: 3 });
  assert.deepEqual(readUserListParams(undefined, undefined), { query: "", page: 1 });
  assert.deepEqual(readUserListParams(null, "0"), { query: "", page: 1 });
  assert.deepEqual(readUserListParams("x", "2.5"), { query: "x", page: 1 });
  assert.deepEqual(readUserListParams("x", "two"), { query: "x", page: 1 });
  assert.deepEqual(readUserListParams(["first", "second"], ["4", "5"]), { query: "first", page: 4 });
  assert.equal(readUserListParams("a".repeat(300), "1").query.length, 100);
});

test("the list writes only what differs from the first unfiltered page", () => {
  assert.equal(userListSearch({ query: "", page: 1 }), "");
  assert.equal(userListSearch({ query: "alice ex", page: 1 }), "?q=alice+ex");
  assert.equal(userListSearch({ query: "", page: 2 }), "?page=2");
  assert.equal(userListSearch({ query: "a&b", page: 3 }), "?q=a%26b&page=3");
  // What the list writes, it reads back the same.
  const written = new URLSearchParams(userListSearch({ query: "a&b", page: 3 }));
  assert.deepEqual(readUserListParams(written.get("q"), written.get("page")), { query: "a&b", page: 3 });
});
