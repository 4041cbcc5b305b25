# `cpack -G DEB` in the build folder makes a .deb for target hosts without a compiler.
set(CPACK_PACKAGE_NAME psem)
set(CPACK_PACKAGE_VENDOR "psem")
set(CPACK_PACKAGE_CONTACT "psem maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
