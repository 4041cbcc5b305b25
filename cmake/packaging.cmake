# Debian packages for target hosts without a compiler: `scripts/package` configures a
# build for /usr and runs `cpack -G DEB` here. Split the way Debian splits such things:
#   libpsem-dev  the library (static: Debian ships static-only libraries in -dev alone),
#                its headers, CMake package and pkg-config file
#   psem-bench   the scenario runner, its scenarios, the laptop reference and psem-plot
#   psem-micro   the Google Benchmark microbenchmarks (the only one that needs libbenchmark)
# Each package's run-time dependencies come from dpkg-shlibdeps: psem-bench is linked
# statically (each worker process starts in about half the time), so it depends only on
# python3, for psem-plot; lintian's note on that is overridden with the reason (packaging/lintian/).

# Beside the installed scenarios: the laptop reference (psem-bench run finds it in
# <datadir>/psem/reference, the sibling of <datadir>/psem/scenarios) and the chart script,
# which needs python3-matplotlib only when charts are wanted: a suggestion, not a dependency.
if(PSEM_BUILD_HARNESS)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/results/reference/ DESTINATION ${CMAKE_INSTALL_DATADIR}/psem/reference
          COMPONENT bench FILES_MATCHING PATTERN "*.json")
  install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/plot DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME psem-plot
          COMPONENT bench)
endif()

# What every Debian package carries: a copyright file, a changelog, manual pages for its
# programs, and lintian overrides where a choice is deliberate.
set(_psem_pkg_dir ${PROJECT_SOURCE_DIR}/packaging)
# A native package (no Debian revision): its changelog is changelog.gz.
set(_psem_changelog ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/packaging)
# gzip -n: no name or time stamp in the header, so the package is reproducible.
execute_process(COMMAND gzip -9n -c ${_psem_pkg_dir}/changelog OUTPUT_FILE ${_psem_changelog})
foreach(_man psem-bench.1 psem-plot.1 psem-micro.1)
  execute_process(COMMAND gzip -9n -c ${_psem_pkg_dir}/man/${_man}
                  OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/packaging/${_man}.gz)
endforeach()

set(_psem_packages dev bench)
if(PSEM_BUILD_MICRO AND PSEM_BUILD_HARNESS)
  list(APPEND _psem_packages micro)
endif()
if(NOT PSEM_BUILD_HARNESS)
  set(_psem_packages dev)
endif()
set(_psem_name_dev libpsem-dev)
set(_psem_name_bench psem-bench)
set(_psem_name_micro psem-micro)
foreach(_c ${_psem_packages})
  set(_doc ${CMAKE_INSTALL_DATADIR}/doc/${_psem_name_${_c}})
  install(FILES ${_psem_pkg_dir}/copyright ${_psem_changelog} DESTINATION ${_doc} COMPONENT ${_c})
  if(EXISTS ${_psem_pkg_dir}/lintian/${_psem_name_${_c}})
    install(FILES ${_psem_pkg_dir}/lintian/${_psem_name_${_c}}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT ${_c})
  endif()
endforeach()
if(PSEM_BUILD_HARNESS)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/psem-bench.1.gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/psem-plot.1.gz
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT bench)
  if(PSEM_BUILD_MICRO)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/psem-micro.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
            COMPONENT micro)
  endif()
endif()

set(CPACK_PACKAGE_NAME psem)
set(CPACK_PACKAGE_VENDOR "psem")
set(CPACK_PACKAGE_CONTACT "psem maintainers <maintainers@psem.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its own CPACK_DEBIAN_<C>_DESCRIPTION below.
# CPackDeb prepends the summary to every description unless the summary is CPack's own
# default, so the summary is set to exactly that default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${_psem_packages})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
# Debian packages install under /usr, never /usr/local: the package is laid out for the
# prefix the build was configured with (psem-bench has its scenario directory compiled
# in), and scripts/package configures /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libpsem-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_DESCRIPTION "C++20 library over POSIX named semaphores (static, headers)
libpsem is one RAII handle type over a POSIX named semaphore (sem_open
and the rest): errors as std::error_code that keep their errno, timeouts
on the monotonic clock, names validated before any system call,
std::counting_semaphore's member names with std's meanings, and a hot
path that costs what glibc costs.
.
This package holds the static library, its headers, its CMake package
(find_package) and its pkg-config file.")

set(CPACK_DEBIAN_BENCH_PACKAGE_NAME psem-bench)
set(CPACK_DEBIAN_BENCH_PACKAGE_SECTION utils)
# psem-plot is a Python script: python3 itself is a dependency, matplotlib (charts only)
# a suggestion.
set(CPACK_DEBIAN_BENCH_PACKAGE_DEPENDS "python3")
set(CPACK_DEBIAN_BENCH_PACKAGE_SUGGESTS "python3-matplotlib")
set(CPACK_DEBIAN_BENCH_DESCRIPTION "benchmark and stress test for POSIX named semaphores
psem-bench runs JSON scenarios: it starts worker processes that hammer named
semaphores (post/wait loops, ping-pong hand-offs, producers and consumers),
measures ns/op, latency percentiles and fairness, checks every documented error
case, and writes Google Benchmark format JSON reports that compare across runs,
versions and hosts. The scenarios are in /usr/share/psem/scenarios; psem-plot
draws charts from a report (with python3-matplotlib).")

set(CPACK_DEBIAN_MICRO_PACKAGE_NAME psem-micro)
set(CPACK_DEBIAN_MICRO_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_MICRO_DESCRIPTION "microbenchmarks of libpsem against raw glibc
psem-micro runs Google Benchmark microbenchmarks of libpsem's hot path (post,
wait, try-wait, timed waits), each beside a twin that calls glibc directly, so
the wrapper's cost reads as a ratio.")

include(CPack)
