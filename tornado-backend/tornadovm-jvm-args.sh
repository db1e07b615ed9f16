#!/usr/bin/env bash
# Prints, one per line, the JVM options that load a TornadoVM SDK into a plain `java` run (what TornadoVM's own
# `tornado` launcher adds), for the backends listed in the SDK's etc/tornado.backend.
# Usage: tornadovm-jvm-args.sh [TORNADOVM_HOME]. Used by ../strata and by this module's tests.
# Only TornadoVM's own modules and their few dependencies go on the module path: the SDK folder also holds old
# copies of ejml, junit and jmh that would shadow the project's versions.
set -euo pipefail
T="${1:-${TORNADOVM_HOME:?set TORNADOVM_HOME to a TornadoVM SDK}}"
J="$T/share/java/tornado"
[ -d "$J" ] || { echo "tornadovm-jvm-args: $J not found: TORNADOVM_HOME must point to a TornadoVM SDK" >&2; exit 2; }
backends=$(sed -n 's/^tornado.backends=//p' "$T/etc/tornado.backend" 2>/dev/null | tr ',' ' ')
[ -n "$backends" ] || backends=opencl-backend
jars=("$J"/tornado-api-*.jar "$J"/tornado-runtime-*.jar "$J"/tornado-annotation-*.jar "$J"/tornado-drivers-common-*.jar)
modules="ALL-SYSTEM,tornado.runtime,tornado.annotation,tornado.drivers.common"
exports=("$T/etc/exportLists/common-exports")
native=""
for b in $backends; do
  d=${b%-backend}
  for j in "$J"/tornado-drivers-"$d"-[0-9]*.jar; do [ -f "$j" ] && jars+=("$j"); done
  modules="$modules,tornado.drivers.$d"
  exports+=("$T/etc/exportLists/$d-exports")
  native="$native,tornado.drivers.$d"
done
for dep in asm commons-math3 snmp4j nativeimage; do
  for j in "$J"/$dep-[0-9]*.jar; do [ -f "$j" ] && jars+=("$j"); done
done
mp=$(IFS=:; echo "${jars[*]}")
# tornado.tvm.maxbytecodesize: TornadoVM's task-graph bytecode buffer (default 4 KiB) overflows at about 60 tasks;
# one multigrid-PCG iteration of the Darcy solver is 30 tasks on 12 x 16 cells and 80 on 256 x 256
cat <<ARGS
-XX:+UnlockExperimentalVMOptions
-XX:+EnableJVMCI
--enable-preview
-Djava.library.path=$T/lib
-Dtornado.load.api.implementation=uk.ac.manchester.tornado.runtime.tasks.TornadoTaskGraph
-Dtornado.load.runtime.implementation=uk.ac.manchester.tornado.runtime.TornadoCoreRuntime
-Dtornado.load.tornado.implementation=uk.ac.manchester.tornado.runtime.common.Tornado
-Dtornado.load.annotation.implementation=uk.ac.manchester.tornado.annotation.ASMClassVisitor
-Dtornado.load.annotation.parallel=uk.ac.manchester.tornado.api.annotations.Parallel
-Dtornado.tvm.maxbytecodesize=65536
--module-path
$mp
--upgrade-module-path
$T/share/java/graalJars
--add-modules
$modules
--enable-native-access=ALL-UNNAMED${native}
ARGS
# the export lists are inlined: java does not expand an @file named inside another @file
grep -h -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "${exports[@]}"
