# Sourced by the bench scripts: compiles runtime/metrics and what it needs in one reactor (so a stale
# appmessage-runtime in the local repository is never measured) and sets CP to its test class path.
(cd ../.. && mvn -B -q -pl runtime/metrics -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null)
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
