// psem/psem.hpp - the whole public API of libpsem.
#pragma once

#include <psem/errors.hpp>
#include <psem/semaphore.hpp>
#include <psem/version.hpp>
