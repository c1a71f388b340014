# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package, built by `packaging/build.sh package` (cpack -G DEB in the build folder).
# Depends is computed from the binaries by dpkg-shlibdeps; what Qt loads as plugins at run time is
# added by hand, since no linker sees it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME evident)
set(CPACK_PACKAGE_VENDOR "Evident")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Evident maintainers <maintainers@users.noreply.b-seed-af81532f.example>"
    CACHE STRING "The Debian package's Maintainer")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "meta-analysis of preclinical (animal) studies")
# Debian's extended description; CPack puts the summary above it as the synopsis and indents it.
set(CPACK_PACKAGE_DESCRIPTION
    "Evident is a desktop application for the meta-analysis of animal studies:
effect sizes from data as papers report them (SD, SEM, confidence intervals,
medians), fixed and random effects, subgroups, sensitivity analyses,
small-study effects and trial sequential analysis, with live forest, funnel,
TSA and risk-of-bias figures exported at journal sizes. Its numbers agree
with R's metafor and RTSA. evident-cli runs every analysis and renders every
figure without a display.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's TIFF writer (figure export) is a plugin; Liberation Sans is the figures' default font.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-image-formats-plugins, fonts-liberation2")
if(EVIDENT_HOMEPAGE_URL)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${EVIDENT_HOMEPAGE_URL})
endif()
include(CPack)
