import { TextAreaField, TextField } from "./fields";
import { fieldError } from "./problem-alert";
import { isTxHash } from "../lib/erc20";
import type { Problem } from "../lib/types";
import { invalid } from "../lib/use-submit";

/**
 * What proves money moved, as the mark-paid and refund forms both take it: a transaction hash Payrelay checks
 * on-chain, or a note it records on the recipient's word. Null when one of them is given and well formed.
 */
export function proofProblem(hash: string, note: string, missing: string): Problem | null {
  if (!hash && !note) return invalid("Give a transaction hash or a note.", "txHash", missing);
  if (hash && !isTxHash(hash))
    return invalid("Check the transaction hash.", "txHash", "The transaction hash must be 0x followed by 64 letters a–f and digits 0–9.");
  return null;
}

/** The request body's proof: the hash, the note, or both, never an empty one. */
export const proofBody = (hash: string, note: string) => ({ ...(hash ? { txHash: hash } : {}), ...(note ? { note } : {}) });

interface Props {
  txHash: string;
  onTxHash: (value: string) => void;
  note: string;
  onNote: (value: string) => void;
  problem: Problem | null;
  /** What Payrelay checks on-chain for this form. */
  hashHint: string;
  /** When a note is the right proof, and what it becomes. */
  noteHint: string;
}

/** The transaction hash and note fields, with their errors. */
export function TransferProofFields({ txHash, onTxHash, note, onNote, problem, hashHint, noteHint }: Props) {
  return (
    <>
      <TextField
        label="Transaction hash"
        optional
        class="mono"
        value={txHash}
        onValue={onTxHash}
        error={fieldError(problem, "txHash")}
        hint={hashHint}
        autocomplete="off"
        spellcheck={false}
      />
      <TextAreaField label="Note" optional value={note} onValue={onNote} error={fieldError(problem, "note")} hint={noteHint} />
    </>
  );
}
