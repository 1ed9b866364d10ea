#!/usr/bin/env bash
# The release, from the cli module's build (run by dist/pom.xml at package: ./mvnw -Pdist package):
#   dist/notesearch-VERSION-linux-x64.tar.gz  one folder: bin/ runtime/ app/ share/ legal/
#   dist/notesearch_DEBVERSION_amd64.deb      the same folder as /opt/notesearch, with /usr/bin/notesearch,
#                                             the man pages and the completions where Debian keeps them
# Usage: package.sh VERSION PICOCLI_VERSION
set -euo pipefail

version="$1"
picocli_version="$2"
dist="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${dist%/*}"
target="$dist/target"
fail() { echo "package: FAILED: $*" >&2; exit 1; }

# The modules notesearch needs: jdeps on the bundled jars, plus what it cannot see (CP949 notes need
# jdk.charsets; serve and the daemon's protocol use jdk.httpserver; Lucene's SIMD postings, for serve
# and the daemon, jdk.incubator.vector). java.desktop is left out: only flexmark's Swing helpers and
# SnakeYAML's JavaBeans mapping use it, and notesearch calls neither (the install test indexes and
# searches real notes with front matter through this runtime). jdk.management: Lucene asks HotSpot
# whether compressed oops are on, and warns at every start without it.
modules=java.base,java.logging,java.management,jdk.management,java.xml,java.naming,java.net.http,java.security.jgss,jdk.httpserver,jdk.charsets,jdk.incubator.vector,jdk.unsupported

java_bin="$("$root/notesearch" --print-java)" || fail "no JDK 21+ found"
jdk="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
[ -x "$jdk/bin/jlink" ] || fail "no jlink in $jdk: a full JDK is needed, not a JRE"
[ -f "$root/cli/target/notesearch.jar" ] || fail "no cli/target/notesearch.jar: build with ./mvnw -Pdist package"

name="notesearch-$version-linux-x64"
stage="$target/$name"
rm -rf "$stage" "$target/deb"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/completions" "$stage/legal"

echo "package: runtime (jlink, $jdk)"
# Uncompressed modules: the archive compresses them better (22 MB against 40 MB for zip-9 inside a
# tar.gz), and classes load without inflating.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-0 \
  --output "$stage/runtime" 2> >(grep -v '^WARNING: Using incubator modules' >&2)
if command -v strip >/dev/null; then
  # The JVM's symbol table: 5 MB that only a debugger reads.
  strip --strip-unneeded "$stage/runtime/lib/server/libjvm.so"
fi

echo "package: application"
mkdir -p "$stage/app"
cp "$root/cli/target/notesearch.jar" "$stage/app/"
# The jars the manifest names, not all of cli/target/lib (which keeps those of earlier builds).
mkdir -p "$stage/app/lib"
for j in $(unzip -p "$root/cli/target/notesearch.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[A-Z]/p' \
    | sed -e 's/^Class-Path: //' -e '/^[A-Z][A-Za-z-]*:/d' -e 's/^ //' | tr -d '\n'); do
  cp "$root/cli/target/$j" "$stage/app/lib/"
done
cp "$root/notesearch" "$stage/bin/notesearch"
cp -r "$root/corpus/notes" "$stage/share/sample-notes"
cp "$root/README.md" "$stage/README.md"

echo "package: man pages and completions (picocli, Asciidoctor)"
"$java_bin" -cp "$target/classes:$target/docs-lib/*" io.notesearch.dist.Docs \
  "$target/man-adoc" "$stage/share/man/man1" "$stage/share/completions/notesearch.bash" \
  2> >(grep -v -e '^WARNING:' >&2)
[ -s "$stage/share/man/man1/notesearch.1" ] || fail "no man page"
{
  echo '#compdef notesearch'
  echo '# zsh completion for notesearch: the bash completion (picocli), through zsh'"'"'s bash compatibility.'
  echo 'autoload -U +X bashcompinit && bashcompinit'
  cat "$stage/share/completions/notesearch.bash"
  # Loaded by the first <TAB> on `notesearch`, as the function _notesearch: that <TAB> is answered too.
  echo '[[ -n "${funcstack[1]:-}" && "${funcstack[1]}" == _notesearch ]] && _bash_complete -F _complete_notesearch'
} >"$stage/share/completions/_notesearch"

echo "package: licences"
cp "$target/generated-sources/license/THIRD-PARTY.txt" "$stage/legal/THIRD-PARTY.txt"
# picocli is compiled into notesearch.jar from its sources (cli/pom.xml), so no POM lists it.
printf '  (The Apache Software License, Version 2.0) picocli (info.picocli:picocli:%s - https://picocli.info), compiled into app/notesearch.jar\n' \
  "$picocli_version" >>"$stage/legal/THIRD-PARTY.txt"
# The licence and notice files each library ships in its jar (Lucene's NOTICE names Nori's dictionary,
# mecab-ko-dic), and the Java runtime's own in runtime/legal.
for jar in "$stage"/app/lib/*.jar; do
  base="$(basename "$jar" .jar)"
  files="$(unzip -Z1 "$jar" 2>/dev/null | grep -iE '^META-INF/(LICEN[CS]E|NOTICE|COPYING)[^/]*$' || true)"
  [ -n "$files" ] || continue
  mkdir -p "$stage/legal/$base"
  # shellcheck disable=SC2086
  unzip -q -j -o "$jar" $files -d "$stage/legal/$base"
done
cp "$dist/LICENSES.md" "$stage/legal/README.md"

echo "package: startup cache and Nori's dictionaries (a training search through bin/notesearch)"
# The launcher makes both in app/ when that folder is writable, which it is only here.
( cd / && env -u NOTESEARCH_INDEX -u JAVA_TOOL_OPTIONS XDG_DATA_HOME="$target/train-data" XDG_CACHE_HOME="$target/train-cache" \
    "$stage/bin/notesearch" search -n 3 "로드 밸런서" EC2 >/dev/null )
ls "$stage"/app/startup-release.* >/dev/null 2>&1 || fail "no startup cache was made"
ls "$stage"/app/nori-* >/dev/null 2>&1 || fail "Nori's dictionaries were not prepared"
rm -f "$stage"/app/startup-release.*.failed
# Read-only for everyone but the owner, as an install is.
chmod -R a+rX,go-w "$stage"

echo "package: $name.tar.gz"
tar -C "$target" --owner=0 --group=0 -czf "$dist/$name.tar.gz" "$name"

deb_version="${version//-SNAPSHOT/~snapshot}"
echo "package: notesearch_${deb_version}_amd64.deb"
deb="$target/deb"
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/bash-completion/completions" \
  "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/doc/notesearch"
cp -a "$stage" "$deb/opt/notesearch"
ln -s /opt/notesearch/bin/notesearch "$deb/usr/bin/notesearch"
for page in "$stage"/share/man/man1/*.1; do gzip -9n -c "$page" >"$deb/usr/share/man/man1/$(basename "$page").gz"; done
cp "$stage/share/completions/notesearch.bash" "$deb/usr/share/bash-completion/completions/notesearch"
cp "$stage/share/completions/_notesearch" "$deb/usr/share/zsh/vendor-completions/_notesearch"
ln -s /opt/notesearch/legal "$deb/usr/share/doc/notesearch/legal"
size_kb="$(du -sk "$deb/opt" | cut -f1)"
cat >"$deb/DEBIAN/control" <<EOF
Package: notesearch
Version: $deb_version
Architecture: amd64
Maintainer: notesearch <notesearch@localhost>
Installed-Size: $size_kb
Section: utils
Priority: optional
Depends: libc6, zlib1g
Description: search Markdown notes by section, in Korean and English
 notesearch indexes a folder of Markdown notes and ranks their sections,
 with Lucene and Nori's Korean analysis fixed for tech notes. It brings its
 own Java runtime.
EOF
chmod -R a+rX,go-w "$deb"
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/notesearch_${deb_version}_amd64.deb" >/dev/null

echo "package: done"
ls -l "$dist/$name.tar.gz" "$dist/notesearch_${deb_version}_amd64.deb" | awk '{ printf "  %s  %.1f MB\n", $NF, $5 / 1048576 }'
