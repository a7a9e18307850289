import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { ACTOR, useTestDatabase } from "./support";
import { GATE_KEY, PASSWORD, gateLib, startTestGate } from "./gate-support";

useTestDatabase();

// At shutdown the gate closes its database connections only after the decisions in flight have
// ended, also those whose client (nginx) hung up: the server counts a closed connection as done,
// and a decision left running against a closed pool would hang until its time limit.
test("closing the gate waits for a decision whose client has hung up, then closes the database", async () => {
  const gate = await startTestGate();
  const { createUser } = await gateLib();
  await createUser({ email: "ivy@shutdown.test", password: PASSWORD, createDomain: true }, ACTOR);

  // A client sends a login (a wrong password: the decision runs argon2, tens of milliseconds) and
  // hangs up as soon as the gate has the request.
  const request = [
    "GET /auth HTTP/1.1",
    "Host: 127.0.0.1",
    `X-Auth-Key: ${GATE_KEY}`,
    "Auth-Method: plain",
    "Auth-User: ivy%40shutdown.test",
    "Auth-Pass: not%20the%20password",
    "Auth-Protocol: imap",
    "Auth-Login-Attempt: 1",
    "Client-IP: 192.0.2.77",
  ];
  const received = new Promise((resolve) => gate.server.once("request", resolve));
  const socket = connect(gate.port, "127.0.0.1");
  socket.on("error", () => {}); // hung up on purpose
  socket.write(request.join("\r\n") + "\r\n\r\n");
  await received;
  socket.destroy();

  await gate.close();
  const decided = ["ok", "refused", "unavailable"].map((outcome) => gate.metrics.get("IMAP", outcome as "ok"));
  assert.deepEqual(decided, [0, 1, 0], "the decision ended, as a refusal, before close() returned");
  const { db } = await gateLib();
  const audited = await db.auditEvent.count({ where: { action: "gate.login", subjectEmail: "ivy@shutdown.test" } });
  assert.equal(audited, 1, "its failure was audited before the database closed");
});
