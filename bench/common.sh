# Shared by bench/run and bench/floor/run (sourced, not run).

# The JVM flags bin/ktx always starts java with (not its archive, not KTX_JAVA_OPTS), read from the
# launcher itself, so that every baseline runs with exactly what ktx runs with.
launcher_flags() {
  local flags
  flags=$(sed -n '/^exec "\$java_cmd"/,/\$cds/p' "$1" | grep -o -- ' -[^ \\]*' | tr -d '\n')
  if [ -z "$flags" ]; then
    echo "Cannot read the JVM flags from $1: update bench/common.sh to the launcher's layout." >&2
    return 1
  fi
  echo "${flags# }"
}

# Compiles the JVM hello-world baseline into directory $2 with java command $1.
compile_hello() {
  mkdir -p "$2"
  cat > "$2/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
  "${1}c" -d "$2" "$2/Hello.java"
}
