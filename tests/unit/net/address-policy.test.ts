import { describe, expect, it } from "vitest";
import { refusedAddressReason } from "@/lib/net/address-policy";

describe("refusedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback address"],
    ["127.255.0.9", "loopback address"],
    ["0.0.0.0", "unspecified address"],
    ["10.1.2.3", "private address"],
    ["172.16.0.1", "private address"],
    ["172.31.255.255", "private address"],
    ["192.168.1.1", "private address"],
    ["100.64.0.1", "private address"],
    ["169.254.169.254", "link-local address"],
    ["224.0.0.1", "multicast address"],
    ["255.255.255.255", "reserved address"],
    ["::1", "loopback address"],
    ["::", "unspecified address"],
    ["fe80::1", "link-local address"],
    ["fc00::1", "private address"],
    ["fd12:3456::1", "private address"],
    ["ff02::1", "multicast address"],
    ["::ffff:127.0.0.1", "loopback address"],
    ["::ffff:7f00:1", "loopback address"],
    ["::ffff:a9fe:a9fe", "link-local address"],
    ["::7f00:1", "loopback address"],
    ["64:ff9b::a00:1", "private address"],
    ["[::1]", "loopback address"],
    ["fe80::1%eth0", "link-local address"],
    ["not-an-address", "invalid address"],
  ])("refuses %s as a %s", (address, reason) => {
    expect(refusedAddressReason(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "172.32.0.1", "100.128.0.1", "41.202.219.1", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2c0f:f248::1"])("lets the public address %s through", (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });
});
