# Sourced by suites that look for identity values in the examples' output:
# examples/ keeps its identities encrypted (to the test keys in tests/keys),
# so such a suite works on a copy whose identities are decrypted back to
# plain identity.yaml files and whose care.toml says encrypt = false. A
# report that opened an identity record would then show its values.
#
#   plain_copy SRC_EXAMPLES DEST   (needs $src, the source tree, and age)
plain_copy() {
  local from=$1 to=$2 f
  cp -R "$from" "$to" || return 1
  sed -i 's/^encrypt = true$/encrypt = false/' "$to/care.toml"
  for f in "$to"/cases/*/identity.yaml.age; do
    [ -e "$f" ] || continue
    age -d -i "$src/tests/keys/test-program-key.txt" -o "${f%.age}" "$f" && rm "$f" || return 1
  done
  chmod -R go-rwx "$to"
}
