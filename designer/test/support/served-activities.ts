import { installActivities, type ActivitySpec } from "../../src/studio/workflow-designer/activity-registry";
import served from "./activities.json";

// The Studio installs the registry GET /api/activities serves; tests install the checked-in copy of that answer,
// which tests/FormFlow.Server.Tests/Contracts/ActivityRegistryCopyTests.cs keeps equal to what the server serves.
installActivities(served as unknown as ActivitySpec[]);
