#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The ctest packaging_install_layout: installs a build into a temporary root (as the .deb will hold
# it), checks that every file a desktop needs is where it belongs, and runs the validators on them:
# desktop-file-validate, appstreamcli, update-mime-database, groff and lexgrog. Any warning fails.
#
#   packaging/check-install.sh BUILD_DIR METAINFO_WITH_SCREENSHOT VERSION
#
# Exits 77 (ctest's skip) when a validator is not installed (packaging/build.sh test installs them).
set -euo pipefail
build_dir="$1"
metainfo_full="$2"
version="$3"
id=org.evident.Evident

for tool in desktop-file-validate appstreamcli update-mime-database groff lexgrog; do
    if ! command -v "$tool" > /dev/null; then
        echo "SKIP: $tool is not installed (Debian: desktop-file-utils, appstream, shared-mime-info, groff-base, man-db)"
        exit 77
    fi
done

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
DESTDIR="$root" cmake --install "$build_dir" --prefix /usr > /dev/null
usr="$root/usr"
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# A validator passes when it exits 0 and says nothing but its success line.
quiet() {
    local output
    if ! output="$("$@" 2>&1)"; then
        fail "$* exited non-zero:"$'\n'"$output"
    elif [ -n "$(printf '%s\n' "$output" | grep -v -e '^✔ Validation was successful' -e '^$')" ]; then
        fail "$* warned:"$'\n'"$output"
    fi
}

for file in bin/evident bin/evident-cli; do
    [ -x "$usr/$file" ] || fail "/usr/$file is not installed as a program"
done
for file in share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/mime/packages/$id.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/man/man1/evident-cli.1.gz share/man/man1/evident.1.gz \
    share/doc/evident/changelog.gz \
    share/doc/evident/README.md share/doc/evident/copyright share/doc/evident/docs/cli.md \
    share/doc/evident/docs/screenshots/main-window.png \
    share/evident/examples/ev-intrauterine-adhesions.evident; do
    [ -s "$usr/$file" ] || fail "/usr/$file is missing"
done
# Every image the guide shows (a Markdown link to a PNG) is installed beside it.
for page in "$usr/share/doc/evident/README.md" "$usr"/share/doc/evident/docs/*.md; do
    for image in $(grep -o '](\([^)]*\.png\))' "$page" | sed 's/^](//; s/)$//' | sort -u); do
        [ -f "$(dirname "$page")/$image" ] || fail "$(basename "$page") shows $image, which is not installed"
    done
done
# Each PNG icon has the size its folder says (width and height are bytes 16-23 of a PNG).
for size in 16 22 24 32 48 64 128 256 512; do
    png="$usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
    if [ ! -f "$png" ]; then
        fail "no ${size}x${size} icon"
        continue
    fi
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" \
        | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
    [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "$png is ${width}x${height}"
done

desktop="$usr/share/applications/$id.desktop"
quiet desktop-file-validate "$desktop"
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry does not name the icon $id"
grep -qx 'MimeType=application/x-evident-project;' "$desktop" || fail "the desktop entry does not open .evident files"
grep -q '^Exec=evident %[fF]$' "$desktop" || fail "the desktop entry does not pass the file to evident"

quiet appstreamcli validate --no-net --strict "$usr/share/metainfo/$id.metainfo.xml"
quiet appstreamcli validate --no-net --strict "$metainfo_full"
grep -q "<release version=\"$version\"" "$usr/share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo has no release notes for version $version"

# The MIME database built from the package's XML maps *.evident to the project type.
mime="$root/mime"
mkdir -p "$mime/packages"
cp "$usr/share/mime/packages/$id.xml" "$mime/packages/"
quiet env XDG_DATA_HOME="$root" update-mime-database "$mime"
grep -q '^50:application/x-evident-project:\*\.evident$' "$mime/globs2" \
    || fail "update-mime-database does not map *.evident to application/x-evident-project"

for program in evident evident-cli; do
    man_page="$usr/share/man/man1/$program.1.gz"
    quiet sh -c "gzip -dc '$man_page' | groff -ww -z -man"
    lexgrog "$man_page" | grep -q "^$man_page: \"$program - " \
        || fail "lexgrog finds no NAME section in the man page of $program"
done
# Debian's changelog format (dpkg-parsechangelog reads it), for the package's version.
if command -v dpkg-parsechangelog > /dev/null; then
    logged="$(gzip -dc "$usr/share/doc/evident/changelog.gz" | dpkg-parsechangelog -l- -SVersion)"
    [ "$logged" = "$version" ] || fail "the changelog's version is '$logged', not $version"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "The install tree of $build_dir is complete and every validator is quiet."
