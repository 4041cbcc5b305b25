# `cpack -G DEB` in the build folder makes a .deb for target hosts without a compiler.

# Beside the installed scenarios: the laptop reference (psem-bench run finds it in
# <datadir>/psem/reference, the sibling of <datadir>/psem/scenarios) and the chart script,
# which needs python3-matplotlib only when charts are wanted: a suggestion, not a dependency.
if(PSEM_BUILD_HARNESS)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/results/reference/ DESTINATION ${CMAKE_INSTALL_DATADIR}/psem/reference)
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/plot DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME psem-plot)
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-matplotlib")
set(CPACK_PACKAGE_NAME psem)
set(CPACK_PACKAGE_VENDOR "psem")
set(CPACK_PACKAGE_CONTACT "psem maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The package installs under the prefix the build was configured for: psem-bench has its
# scenario directory compiled in (PSEM_SCENARIO_INSTALL_DIR) and psem.pc names the prefix,
# so a .deb built for /usr/local but unpacked into /usr would look in the wrong place.
# For a Debian package configure with -DCMAKE_INSTALL_PREFIX=/usr (README, "Packages").
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
include(CPack)
