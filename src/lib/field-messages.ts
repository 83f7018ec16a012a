import type { ZodError } from "zod";
import type { FieldError } from "./problem";

type Issue = ZodError["issues"][number];

/**
 * Messages for people, not for zod: a dashboard shows them next to the field and
 * a screen reader reads them out, so "Too small: expected string to have >=1
 * characters" becomes "Enter a name.". Messages a schema wrote itself are kept,
 * unless the field was left empty (then "At least 12 characters." is the wrong news).
 */
const WHEN_EMPTY: Record<string, string> = {
  name: "Enter a name.",
  permissions: "Choose at least one permission.",
  email: "Enter your email address.",
  password: "Enter your password.",
  amount: "Enter an amount, e.g. 12.50.",
  signature: "Paste the signature.",
  chainId: "Choose a chain.",
  walletAddress: "Enter the wallet address.",
  tokenAddress: "Enter the token contract address.",
};

const LABELS: Record<string, string> = {
  chainId: "chain ID",
  tokenAddress: "token address",
  dueDate: "due date",
  expiresInSeconds: "expiry",
  endToEndId: "end-to-end ID",
  payerRef: "payer reference",
};

/** zod's own English messages start like this; anything else a schema author wrote. */
const ZOD_DEFAULT = /^(Invalid (input|option|value|element|key|string|number|email|ISO|\w+ address)|Too (small|big)|Unrecognized keys?)/;

/** The words a person would use for a field path: "payee.sortCode" → "payee sort code". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.filter((k): k is string => typeof k === "string");
  if (keys[0] === "metadata") return "metadata";
  return keys.map((k) => LABELS[k] ?? k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()).join(" ");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && !value.trim()) || (Array.isArray(value) && value.length === 0)
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function rewrite(issue: Issue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return `Use at least ${plural(Number(issue.minimum), "character")}.`;
      if (issue.origin === "array") return `Choose at least ${Number(issue.minimum)}.`;
      return `Must be at least ${Number(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${plural(Number(issue.maximum), "character")}.`;
      if (issue.origin === "array") return `Choose at most ${Number(issue.maximum)}.`;
      return `Must be at most ${Number(issue.maximum)}.`;
    case "invalid_type":
      if (issue.expected === "int") return "Enter a whole number.";
      if (issue.expected === "number") return "Enter a number.";
      if (issue.expected === "string") return "Enter text.";
      if (issue.expected === "object") return "Must be a JSON object.";
      return `Must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address like name@example.com.";
      if (issue.format === "date") return "Enter a date as YYYY-MM-DD.";
      return "This is not in the expected format.";
    case "invalid_value":
      return `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "unrecognized_keys":
      return `Remove ${issue.keys.length === 1 ? "this field" : "these fields"}, which this API does not know: ${issue.keys.join(", ")}.`;
    default:
      return issue.message;
  }
}

function message(issue: Issue, input: unknown): string {
  const key = issue.path.filter((k) => typeof k === "string").at(-1);
  // A number where a string belongs: for money that is the float the API never takes.
  if (issue.code === "invalid_type" && issue.expected === "string" && typeof valueAt(input, issue.path) === "number")
    return key === "amount" || key === "amountPaid"
      ? 'Send the amount as a decimal string in quotes, e.g. "12.50": amounts are never JSON numbers.'
      : "Send this as a string, in quotes.";
  if (issue.code !== "unrecognized_keys" && issue.path.length > 0 && isEmpty(valueAt(input, issue.path))) {
    const known = typeof key === "string" ? WHEN_EMPTY[key] : undefined;
    if (known) return known;
    // A schema's own words for a missing value ("Required for outgoing requests.") already say what to do.
    if (issue.code !== "custom")
      return issue.code === "too_small" && issue.origin === "array" ? "Choose at least one." : "This field is required.";
  }
  return ZOD_DEFAULT.test(issue.message) ? rewrite(issue) : issue.message;
}

const UNKNOWN_FIELD = "This API does not know this field; remove it.";

/** zod issues as the contract's `errors`: dotted paths (unchanged), one message each, written for people. An unknown field is named by its own path. */
export function fieldErrors(error: ZodError, input?: unknown): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({ path: [...issue.path, k].map(String).join("."), message: UNKNOWN_FIELD }))
      : [{ path: issue.path.map(String).join(".") || "(root)", message: message(issue, input) }],
  );
}

const jsonName = (path: readonly PropertyKey[]) => path.map(String).join(".");

/**
 * The problem's `detail`: which fields to look at. For a person in the dashboard in words
 * ("Check these fields: amount, payee name."); for an API client (`jsonNames`) by the names
 * it sent ("Check these fields: amount, payee.sortCode."), so it can find them in its code.
 */
export function validationSummary(error: ZodError, target: string, jsonNames = false): string {
  const name = jsonNames ? jsonName : fieldLabel;
  const named = error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => name([...i.path, k])) : [name(i.path)]));
  const labels = [...new Set(named.filter(Boolean))];
  const where = target === "json" ? "" : target === "param" ? "path " : `${target} `;
  if (labels.length === 0)
    return target === "json"
      ? "Check the request body: it must be a JSON object with the documented fields."
      : `Check the request ${target}.`;
  return labels.length === 1
    ? `Check this ${where}${where ? "parameter" : "field"}: ${labels[0]}.`
    : `Check these ${where}${where ? "parameters" : "fields"}: ${labels.join(", ")}.`;
}
