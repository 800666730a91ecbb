package io.datagen.job.leftovers;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Incomplete S3 multipart uploads: what a run killed while writing to {@code s3a:} leaves (its
 * archive's upload, never completed). Loaded only for an {@code s3a:} location, so that hadoop-aws
 * is needed only where S3 is used.
 */
final class S3Uploads {
  /** An incomplete upload: its key, id and when it was started. */
  record Upload(String bucket, String key, String uploadId, Instant initiated) {
    String describe() {
      return "s3a://"
          + bucket
          + "/"
          + key
          + " (upload "
          + uploadId
          + ", started "
          + initiated
          + ")";
    }
  }

  private final S3AFileSystem fs;

  private S3Uploads(S3AFileSystem fs) {
    this.fs = fs;
  }

  static S3Uploads of(FileSystem fs) {
    return new S3Uploads((S3AFileSystem) fs);
  }

  /** The incomplete uploads under {@code directory} (at any depth), in key order. */
  List<Upload> under(Path directory) throws IOException {
    String prefix = fs.pathToKey(fs.makeQualified(directory));
    List<Upload> uploads = new ArrayList<>();
    for (MultipartUpload upload : fs.listMultipartUploads(prefix)) {
      uploads.add(new Upload(fs.getBucket(), upload.key(), upload.uploadId(), upload.initiated()));
    }
    uploads.sort(Comparator.comparing(Upload::key).thenComparing(Upload::initiated));
    return uploads;
  }

  void abort(Upload upload) throws IOException {
    fs.abortMultipartUpload(upload.key(), upload.uploadId());
  }
}
