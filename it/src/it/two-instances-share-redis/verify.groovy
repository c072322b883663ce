// Two instances of one site (two java -jar processes on two ports) share one real redis-server
// through next-redis, selected by NEXT_REDIS_URL: an ISR page regenerated on one is served fresh
// by the other, an on-demand revalidation on one is seen on the other, and when Redis goes away
// both keep answering from what they hold. Every process is stopped by pid, also on failure.
evaluate(new File(itSupport, 'server.groovy'))

File jar = new File(basedir, 'target/shared-site-1.0.jar')

/** GET or POST; [status, body, headers]. */
def call = { int port, String path, String method = 'GET' -> httpRequest(port, path, method) }

def redis = startRedis(new File(basedir, 'target/redis-server.log'))
def one = null
def two = null
try {
    Map<String, String> env = [NEXT_REDIS_URL: "redis://127.0.0.1:${redis.port}".toString()]
    one = startJar(jar, [], env, new File(basedir, 'target/one.log'))
    two = startJar(jar, [], env, new File(basedir, 'target/two.log'))
    String a = "instance ${one.port}"
    String b = "instance ${two.port}"
    // Both name the same cache, in the namespace of this build.
    def selected = ~/next4j keeps its static pages in Redis at redis:\/\/127\.0\.0\.1:${redis.port}\/0, namespace (build-[0-9a-f]{12})/
    def namespaceOne = (one.log.text =~ selected)
    def namespaceTwo = (two.log.text =~ selected)
    assert namespaceOne.find() : "instance one did not select Redis:\n${one.log.text}"
    assert namespaceTwo.find() : "instance two did not select Redis:\n${two.log.text}"
    assert namespaceOne.group(1) == namespaceTwo.group(1)

    // The prerendered page, stored once, served by both.
    def stampOne = call(one.port, '/stamp')
    assert stampOne.status == 200 && stampOne.body.startsWith('<p>stamp by the build at ')
    assert call(two.port, '/stamp').body == stampOne.body

    // On-demand revalidation on one is seen on the other.
    def revalidated = call(one.port, '/api/revalidate?path=/stamp', 'POST')
    assert revalidated.status == 200 && revalidated.body == '{"revalidated":"/stamp"}'
    def stampTwo = call(two.port, '/stamp')
    assert stampTwo.status == 200
    assert stampTwo.body.startsWith("<p>stamp by $a at ") : "two serves what one rendered: ${stampTwo.body}"
    assert stampTwo.headers['x-next-cache'] == 'HIT'

    // ISR: stale after two seconds; one regenerates it, and two serves that render without rendering.
    call(one.port, '/news')
    Thread.sleep(2100)
    def stale = call(one.port, '/news')
    assert stale.headers['x-next-cache'] == 'STALE'
    String regenerated = stale.body
    long deadline = System.currentTimeMillis() + 15_000
    while (!regenerated.contains("by $a at ") && System.currentTimeMillis() < deadline) {
        Thread.sleep(100)
        regenerated = call(one.port, '/news').body
    }
    assert regenerated.startsWith("<h1>News</h1><p>by $a at ") : "one did not regenerate /news within 15 s: $regenerated"
    def newsTwo = call(two.port, '/news')
    assert newsTwo.status == 200
    // (Under load one may have regenerated it again meanwhile: whichever render two serves, one made it.)
    assert newsTwo.body.startsWith("<h1>News</h1><p>by $a at ") : "two serves one's regeneration: ${newsTwo.body}"

    // Redis goes away: no 500, each instance serves what it holds and says so once in its log.
    stopProcess(redis.process)
    def down = call(two.port, '/stamp')
    assert down.status == 200 && down.body == stampTwo.body
    assert call(two.port, '/stamp').status == 200
    assert call(one.port, '/news').status == 200
    assert call(one.port, '/stamp').status == 200
    String twoLog = two.log.text
    assert twoLog.contains("Redis at redis://127.0.0.1:${redis.port}/0 failed (GET /stamp") : twoLog
    assert twoLog.contains('this instance serves the pages it holds and renders the others, not shared, and asks Redis again in 5 s')
    assert twoLog.count('this instance serves the pages it holds') == 1 : 'one warning per outage, not one per request'
} finally {
    [one, two].findAll { it != null }.each { stopJar(it) }
    stopProcess(redis.process)
}
return true
