#!/usr/bin/env bash
# Checks a Parallel export bundle (record format 1, bundle format 1 or 2) with standard tools only:
# unzip, jq, sha256sum and openssl (3.0 or later, for Ed25519 with pkeyutl -rawin). No code of Parallel's is used:
# this script is the walk-through of docs/record-format.md, section 10, and runs in CI.
#
#   tools/verify-with-standard-tools.sh bundle.zip [SHA256:<expected key fingerprint>]
#
# Prints one line, VALID: ... or NOT VALID: ..., and exits 0 or 1 (2 when a tool is missing).
set -euo pipefail
export LC_ALL=C.UTF-8

bundle=${1:?usage: $0 bundle.zip [SHA256:fingerprint]}
expected_key=${2:-}
for tool in unzip jq sha256sum openssl; do
  command -v "$tool" >/dev/null || { echo "CANNOT CHECK: $tool is not installed"; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$bundle" -d "$work" || { echo "NOT VALID: $bundle is not a readable zip"; exit 1; }
cd "$work"
fail() { echo "NOT VALID: $*"; exit 1; }

# 1. The signature: manifest.sig is the Ed25519 signature of manifest.json's exact bytes, by the
#    public key the manifest names (PEM). Compare its fingerprint with the one printed on the
#    PDF's cover, or pass the one you trust as the second argument.
[ -f manifest.json ] || fail "manifest.json is missing"
[ -f manifest.sig ] || fail "manifest.sig is missing"
jq -r '.publicKey.pem' manifest.json > public.pem
openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in manifest.json -sigfile manifest.sig >/dev/null 2>&1 \
  || fail "manifest.sig is not a signature of manifest.json by the key it names"
fingerprint="SHA256:$(openssl pkey -pubin -in public.pem -outform DER | sha256sum | cut -d' ' -f1)"
[ "$fingerprint" = "$(jq -r '.publicKey.fingerprint' manifest.json)" ] || fail "the key's fingerprint is not the one the manifest states"
[ -z "$expected_key" ] || [ "$fingerprint" = "$expected_key" ] || fail "signed by $fingerprint, not by the expected key $expected_key"

# 2. Every file: its SHA-256 as the signed manifest states, and no file the manifest does not list.
jq -r '.files[] | "\(.sha256)  \(.name)"' manifest.json > listed.sha256
sha256sum --check --quiet listed.sha256 >/dev/null 2>&1 || fail "$(sha256sum --check listed.sha256 2>/dev/null | grep -v ': OK$' | head -1 | cut -d: -f1) was altered: its SHA-256 is not the one the manifest states"
for file in $(find . -type f ! -name public.pem ! -name listed.sha256 ! -name recorded.txt | sed 's|^\./||' | sort); do
  case "$file" in manifest.json | manifest.sig) continue ;; esac
  jq -e --arg name "$file" 'any(.files[]; .name == $name)' manifest.json >/dev/null || fail "$file is in the bundle but not in the signed manifest"
done

# 3. The chain, entry by entry: numbering, link to the previous hash, body hash over the
#    canonical body, entry hash over the canonical seal (jq -S sorts members, -c drops spaces,
#    -j drops the final newline: RFC 8785 for the values a record holds).
case_id=$(jq -r '.caseId' manifest.json)
previous=$(printf '0%.0s' $(seq 1 64))
n=0
while IFS= read -r line || [ -n "$line" ]; do
  n=$((n + 1))
  fields=$(printf '%s' "$line" | jq -r '[.v, .caseId, .seq, .prevHash, .bodyHash, .hash, .sealed] | @tsv' 2>/dev/null) || fail "entry $n: line $n of ledger.jsonl is not JSON"
  IFS=$'\t' read -r v entry_case seq prev_hash body_hash hash sealed <<<"$fields"
  [ "$v" = 1 ] || fail "entry $n: record format $v, not 1"
  [ "$entry_case" = "$case_id" ] || fail "entry $n belongs to case $entry_case"
  [ "$seq" = "$n" ] || fail "entry $n: expected entry $n but found $seq"
  [ "$prev_hash" = "$previous" ] || fail "entry $n does not point at the hash of entry $((n - 1))"
  [ "$sealed" = false ] || fail "entry $n is sealed; a record for court carries every entry open"
  body=$(printf '%s' "$line" | jq -jcS '{actorId, payload, salt, type}')
  [ "$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)" = "$body_hash" ] || fail "entry $n was altered: its content no longer matches its body hash"
  seal=$(printf '%s' "$line" | jq -jcS '{at, bodyHash, caseId, prevHash, seq, v}')
  [ "$(printf '%s' "$seal" | sha256sum | cut -d' ' -f1)" = "$hash" ] || fail "entry $n was altered: its place or time no longer matches its hash"
  previous=$hash
done < ledger.jsonl

# 4. The chain ends exactly at the signed head: nothing was cut from the end.
[ "$n" = "$(jq -r '.head.seq' manifest.json)" ] && [ "$previous" = "$(jq -r '.head.hash' manifest.json)" ] \
  || fail "the chain ends at entry $n, not at the signed head (entry $(jq -r '.head.seq' manifest.json))"

# 5. Stored files (receipts and proofs of payment, bundle format 2): each file under receipts/
#    is the one an entry recorded (receipts/<receiptId>.<extension>, the entry's sha256), and
#    every file the chain records is carried.
jq -r 'select(.type == "expense.receipt_added" or .type == "payment.proof_added")
  | "receipts/\(.payload.receiptId).\({"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/heic": "heic"}[.payload.mediaType]) \(.payload.sha256) \(.seq)"' ledger.jsonl > recorded.txt
for file in $(jq -r '.files[].name | select(startswith("receipts/"))' manifest.json); do
  recorded=$(awk -v f="$file" '$1 == f { print $2 " " $3 }' recorded.txt)
  [ -n "$recorded" ] || fail "$file is not a file any entry of the ledger records"
  [ "$(sha256sum "$file" | cut -d' ' -f1)" = "${recorded%% *}" ] || fail "$file is not the file entry ${recorded##* } recorded: its SHA-256 differs"
done
if [ "$(jq -r '.formatVersion' manifest.json)" -ge 2 ]; then
  while read -r file _ seq; do
    jq -e --arg name "$file" 'any(.files[]; .name == $name)' manifest.json >/dev/null || fail "$file, recorded by entry $seq, is missing from the bundle"
  done < recorded.txt
fi

echo "VALID: $n entries of case $case_id up to entry $n ($previous), signed by $fingerprint"
