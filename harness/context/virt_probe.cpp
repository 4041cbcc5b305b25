// context/virt_probe.cpp - virtual machine and container detection without running
// programs (systemd-detect-virt's evidence, read directly). A benchmark on a VM or in a
// container is not wrong, but a reader comparing two reports must know.
#include "context/probes.hpp"
#include "context/read_file.hpp"
#include "context/soft.hpp"
#include "context/text_parse.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace psem::bench {
namespace {

namespace fs = std::filesystem;
using context_detail::read_text;
using context_detail::read_trimmed;

bool contains(const std::string& haystack, const char* needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The hypervisor's CPUID signature (leaf 0x40000000), which the hypervisor sets and the
// guest cannot hide: the most direct evidence on x86. "" when the CPU reports no
// hypervisor, "unknown" for a signature not in the list.
std::string cpuid_hypervisor() {
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 31))) return "";
    __cpuid(0x40000000, eax, ebx, ecx, edx);
    char sig[13] = {};
    std::memcpy(sig + 0, &ebx, 4);
    std::memcpy(sig + 4, &ecx, 4);
    std::memcpy(sig + 8, &edx, 4);
    const std::string s(sig);
    static const std::pair<const char*, const char*> known[] = {
        {"KVMKVMKVM", "kvm"},     {"Microsoft Hv", "microsoft"}, {"VMwareVMware", "vmware"},
        {"XenVMMXenVMM", "xen"},  {"TCGTCGTCGTCG", "qemu"},      {"VBoxVBoxVBox", "oracle"},
        {"bhyve bhyve ", "bhyve"}, {"ACRNACRNACRN", "acrn"},     {"QNXQVMBSQG", "qnx"},
        {" lrpepyh  vr", "parallels"}, {"Linux KVM Hv", "kvm"},
    };
    for (const auto& [signature, name] : known)
        if (s == signature) return name;
    return "unknown";
#else
    return "";
#endif
}

// DMI strings name the machine: a VM's firmware says what it is.
std::string dmi_hypervisor(const fs::path& root) {
    const fs::path dmi = root / "sys/class/dmi/id";
    std::string all;
    for (const char* f : {"sys_vendor", "product_name", "board_vendor", "bios_vendor"})
        all += lower(read_trimmed(dmi / f).value_or("")) + "\n";
    static const std::pair<const char*, const char*> known[] = {
        {"kvm", "kvm"},           {"qemu", "qemu"},          {"vmware", "vmware"},
        {"innotek", "oracle"},    {"virtualbox", "oracle"},  {"xen", "xen"},
        {"bochs", "bochs"},       {"parallels", "parallels"}, {"bhyve", "bhyve"},
        {"amazon ec2", "amazon"}, {"google compute engine", "google"},
        {"openstack", "kvm"},     {"apple virtualization", "apple"},
    };
    for (const auto& [needle, name] : known)
        if (contains(all, needle)) return name;
    if (contains(all, "microsoft corporation") && contains(all, "virtual machine")) return "microsoft";
    return "";
}

std::string vm_kind(const fs::path& root) {
    // CPUID only describes the machine we run on, so it only counts for the real root.
    const std::string cpuid = root == "/" ? cpuid_hypervisor() : "";
    if (!cpuid.empty() && cpuid != "unknown") return cpuid;
    if (std::string k = dmi_hypervisor(root); !k.empty()) return k;
    if (const auto xen = read_trimmed(root / "sys/hypervisor/type")) return lower(*xen);
    if (const auto info = read_text(root / "proc/cpuinfo"); info && context_parse::has_hypervisor_flag(*info))
        return "unknown";
    return cpuid;  // "unknown" (a hypervisor bit without a known signature) or ""
}

std::string container_kind(const fs::path& root) {
    if (const auto osrelease = read_trimmed(root / "proc/sys/kernel/osrelease");
        osrelease && contains(lower(*osrelease), "microsoft"))
        return "wsl";
    if (const auto marker = read_trimmed(root / "run/systemd/container")) return lower(*marker);
    std::error_code ec;
    if (fs::exists(root / "run/.containerenv", ec)) return "podman";
    if (fs::exists(root / ".dockerenv", ec)) return "docker";
    if (const auto cgroup = read_text(root / "proc/self/cgroup")) {
        if (contains(*cgroup, "kubepods")) return "kubernetes";
        if (contains(*cgroup, "docker")) return "docker";
        if (contains(*cgroup, "lxc")) return "lxc";
        if (contains(*cgroup, "libpod")) return "podman";
    }
    return "";
}

}  // namespace

std::string virtualization(const fs::path& root) {
    return context_detail::soft(
        [&] {
            std::vector<std::string> parts;
            if (const std::string vm = vm_kind(root); !vm.empty()) parts.push_back("vm:" + vm);
            if (const std::string ct = container_kind(root); !ct.empty()) parts.push_back("container:" + ct);
            if (parts.empty()) return std::string("none");
            std::string out = parts[0];
            for (std::size_t i = 1; i < parts.size(); ++i) out += ", " + parts[i];
            return out;
        },
        unknown_value);
}

}  // namespace psem::bench
