# The git revision is stamped at configure time (reports carry it); "unknown" outside a
# checkout, e.g. when building from a source package.
execute_process(COMMAND git rev-parse --short=12 HEAD
                WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                OUTPUT_VARIABLE PSEM_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE
                ERROR_QUIET RESULT_VARIABLE _psem_git_rc)
if(NOT _psem_git_rc EQUAL 0 OR PSEM_GIT_REVISION STREQUAL "")
  set(PSEM_GIT_REVISION "unknown")
endif()
execute_process(COMMAND git status --porcelain --untracked-files=no
                WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                OUTPUT_VARIABLE _psem_dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT _psem_dirty STREQUAL "" AND NOT PSEM_GIT_REVISION STREQUAL "unknown")
  string(APPEND PSEM_GIT_REVISION "-dirty")
endif()
