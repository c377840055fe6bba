/**
 * NetBox: devices and virtual machines from a NetBox data export or REST API page, with
 * their sites as locations.
 */
package io.itsmhub.sources.netbox;
