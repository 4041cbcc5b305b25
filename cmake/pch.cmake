# Precompiled headers (PSEM_PCH): nlohmann/json and fmt (header-only here) are most of a
# harness translation unit's compile time, GoogleTest most of a test's. One precompiled
# header for all the harness's components and one for all the test programs, each built
# once by a small target of its own and reused (REUSE_FROM): a header per component cost
# more to build than it saved (psem-bench alone: 244 s against 214 s without).
# A reusing target must compile with the same flags and definitions as its provider; a
# target that cannot (psem_workloads, with its alignment flag) simply uses none. The PCH
# only saves parsing: scripts/check-layers still holds every file to its own #includes.

set(_psem_pch_std <algorithm> <cstdint> <functional> <map> <memory> <optional> <set> <string>
    <string_view> <utility> <vector>)

# psem_pch_provider(NAME HEADERS...): an object library whose only job is to build the PCH.
function(psem_pch_provider name)
  add_library(${name} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch_stub.cpp)
  target_link_libraries(${name} PRIVATE psem_warnings)
  target_precompile_headers(${name} PRIVATE ${_psem_pch_std} ${ARGN})
endfunction()

# psem_pch_use(TARGET PROVIDER): TARGET reuses PROVIDER's precompiled header.
function(psem_pch_use target provider)
  if(PSEM_PCH AND NOT PSEM_FUZZ AND TARGET ${provider})
    target_precompile_headers(${target} REUSE_FROM ${provider})
  endif()
endfunction()
