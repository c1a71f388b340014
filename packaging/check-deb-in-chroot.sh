#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Evident's .deb in a clean Debian 12 root and uses it there, as a new user would:
# apt resolves its Depends from the Debian mirror, then the bundled example is analysed and reported
# headless and the desktop app is started on the offscreen platform. Run as root; not run by CI.
#
#   packaging/check-deb-in-chroot.sh build/package/evident_0.1.0_amd64.deb [ROOT]
#
# ROOT (default /var/tmp/evident-bookworm) is made with debootstrap (minbase) the first time and
# reused after; an earlier Evident is purged first, so each run resolves Depends anew. MIRROR
# (default http://deb.debian.org/debian) and SECURITY_MIRROR (default: MIRROR's debian-security) are
# the Debian mirrors.
set -euo pipefail
deb="$(realpath "$1")"
root="${2:-/var/tmp/evident-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
example=/usr/share/evident/examples/ev-intrauterine-adhesions.evident

[ "$(id -u)" -eq 0 ] || { echo "run as root (chroot and debootstrap need it)" >&2; exit 2; }
command -v debootstrap > /dev/null || apt-get install -y -q --no-install-recommends debootstrap

if [ ! -x "$root/usr/bin/apt-get" ]; then
    echo "== debootstrap --variant=minbase bookworm $root $mirror"
    debootstrap --variant=minbase bookworm "$root" "$mirror"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
# As on an installed system: the release with its updates and security fixes.
mirror="${mirror%/}"
security="${SECURITY_MIRROR:-${mirror%/debian}/debian-security}"
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
# Unmounted on any exit, whichever mounts were made (a failed bind leaves the others).
unmount_all() {
    local point
    for point in "$root/dev/pts" "$root/dev" "$root/proc"; do
        if mountpoint -q "$point"; then umount "$point"; fi
    done
}
trap unmount_all EXIT
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

cp "$deb" "$root/tmp/"
in_root() {
    echo "== $*" >&2
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
in_root apt-get purge -y -q evident > /dev/null 2>&1 || true
in_root apt-get autoremove -y -q --purge > /dev/null
in_root apt-get update -q
# No Recommends: what Depends names must be enough.
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")"
in_root dpkg -s evident
in_root evident-cli --help
# The example's first outcome has a study without SDs on purpose (the app marks it): analyze stops
# on it (status 3) unless told to leave it out.
in_root evident-cli analyze "$example" --skip-invalid
in_root evident-cli analyze "$example" --outcome fibrosis --method DL --test hksj --json > /dev/null
in_root evident-cli tsa "$example" --outcome pregnancy
in_root rm -rf /tmp/report
in_root env QT_QPA_PLATFORM=offscreen evident-cli report "$example" --out /tmp/report
in_root ls -l /tmp/report
# TIFF comes from a Qt plugin that no linker sees (a Depends added by hand in packaging/cpack.cmake).
in_root evident-cli render "$example" --outcome fibrosis --figure forest --width-mm 85 --out /tmp/report/forest.tiff
in_root ls -l /tmp/report/forest.tiff
# The desktop app starts, opens the example and keeps running until timeout stops it (status 124).
status=0
in_root env QT_QPA_PLATFORM=offscreen timeout 5 evident "$example" || status=$?
if [ "$status" -ne 124 ]; then
    echo "FAIL: evident exited with status $status within 5 s instead of running"
    exit 1
fi
echo "evident ran for 5 s on the offscreen platform (stopped by timeout)."
echo "== All checks passed in $root"
