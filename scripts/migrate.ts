// npm run db:migrate: apply pending migrations and exit.
import { preflight } from "./preflight";

preflight().then(() => console.log("gatehouse: database is up to date"));
