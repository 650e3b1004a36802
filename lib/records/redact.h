// Problems in identity data (identity.yaml, or the `identity:` part of a
// `care-intake new --from` file) are told without the data, for the people in
// it are sought by those who trafficked them and messages end up in logs.
// A problem keeps its file, line, column and code; its message is rewritten
// to name the field ("names.given", "documents[0].number") and the rule it
// breaks, and its hint to say how to mend it, both from what holds no value:
// the code of the check, the identity schema and the record's keys as far as
// the schema names them. The source line is dropped.
#pragma once

#include "diag/diagnostic.h"
#include "doc/node.h"

namespace care::records {

// Rewrites d as above. record, when known, is the identity record (as read,
// or as about to be written) that d was found in: its tree tells which field
// d points at. Without it, the field is read back from the start of d's
// message and kept only if the schema names it. Applied again, even
// without the record, it gives the same message.
void redact(diag::Diagnostic& d, const doc::Node* record = nullptr);

// Whether d points into record: at a node or key of its tree.
bool points_into(const diag::Diagnostic& d, const doc::Node& record);

}  // namespace care::records
