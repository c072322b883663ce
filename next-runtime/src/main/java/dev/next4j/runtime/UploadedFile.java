package dev.next4j.runtime;

import java.nio.file.Path;

/**
 * A file sent in a {@code multipart/form-data} form, stored in a temporary file while the request
 * lasts. {@link Form#close()} deletes it: move or copy it somewhere else to keep it.
 *
 * <pre>{@code
 * UploadedFile avatar = form.file("avatar").orElseThrow(() -> HttpException.badRequest("no avatar"));
 * avatar.filename();      // "me.png", as the browser named it
 * avatar.contentType();   // "image/png", as the browser said (not checked)
 * Files.copy(avatar.path(), avatars.resolve(UUID.randomUUID() + ".png"));
 * }</pre>
 *
 * <p>{@code filename} and {@code contentType} come from the client: never use the file name as a
 * path (it is cut to its last segment, but may still be {@code ..}, or anything else), and check
 * the content yourself when its type matters.
 *
 * @param name the form field's name
 * @param filename the client's file name without directories (from {@code filename*} when sent)
 * @param contentType the part's {@code Content-Type}; {@code application/octet-stream} when absent
 * @param size the content's length in bytes
 * @param path the temporary file holding the content
 */
public record UploadedFile(String name, String filename, String contentType, long size, Path path) {}
