// The IPC boundary. Components import types and the Backend interface from here.

export type { Backend } from "./backend";
export { toAppError, fieldMessage } from "./backend";
export type { AppError } from "./bindings/AppError";
export type { Audience } from "./bindings/Audience";
export type { Board } from "./bindings/Board";
export type { CommsLead } from "./bindings/CommsLead";
export type { Deadline } from "./bindings/Deadline";
export type { IncidentDeadline } from "./bindings/IncidentDeadline";
export type { LoggedUpdate } from "./bindings/LoggedUpdate";
export type { SnoozeRequest } from "./bindings/SnoozeRequest";
export type { Update } from "./bindings/Update";
export type { EventKind } from "./bindings/EventKind";
export type { Incident } from "./bindings/Incident";
export type { IncidentChange } from "./bindings/IncidentChange";
export type { IncidentView } from "./bindings/IncidentView";
export type { NewIncident } from "./bindings/NewIncident";
export type { Severity } from "./bindings/Severity";
export type { SeverityMatrix } from "./bindings/SeverityMatrix";
export type { SeverityPolicy } from "./bindings/SeverityPolicy";
export type { StartupProblem } from "./bindings/StartupProblem";
export type { Status } from "./bindings/Status";
export type { StatusCadence } from "./bindings/StatusCadence";
export type { TimelineEvent } from "./bindings/TimelineEvent";
