/**
 * Container images of a next4j site, built with Jib without a Docker daemon: {@link
 * dev.next4j.image.ImageLayout} decides the layers and the entrypoint from the built site, {@link
 * dev.next4j.image.ImageBuilder} writes them onto a base image, to a tarball or a registry.
 */
package dev.next4j.image;
