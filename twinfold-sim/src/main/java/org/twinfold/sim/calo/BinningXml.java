package org.twinfold.sim.calo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a {@link CalorimeterGeometry} from the CaloChallenge binning XML format:
 *
 * <pre>{@code
 * <Bins layer_depth_mm="3.4">
 *   <Bin pid="11" name="electron">
 *     <Layer id="0" r_edges="0,4.65,9.3" n_bin_alpha="16"/>
 *     ...
 * }</pre>
 *
 * <p>The challenge's files name the particle element {@code Bin}; {@code Particle} is accepted too.
 * Layer ids must run 0, 1, 2... in file order. {@code layer_depth_mm} on the root is a twinfold
 * addition that the challenge's own reader ignores; a file without it needs the depth from the caller.
 * DTDs and external entities are rejected.
 */
public final class BinningXml {
    static final String LAYER_DEPTH_ATTRIBUTE = "layer_depth_mm";

    private BinningXml() {
    }

    /**
     * Reads a binning file.
     *
     * @param file the XML file
     * @param layerDepthMm layer depth in mm when the file has no {@code layer_depth_mm}, or null
     * @throws IllegalArgumentException naming the file and what is wrong in it
     * @throws IOException when the file cannot be read
     */
    public static CalorimeterGeometry read(Path file, Double layerDepthMm) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("binning file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), layerDepthMm);
        }
    }

    /** Reads a binning file from a stream; {@code source} names it in error messages. */
    public static CalorimeterGeometry read(InputStream in, String source, Double layerDepthMm) throws IOException {
        Element root = parse(in, source).getDocumentElement();
        if (!root.getTagName().equals("Bins")) {
            throw invalid(source, "the root element is <" + root.getTagName() + ">, expected <Bins>");
        }
        double depth = layerDepth(root, source, layerDepthMm);

        List<Element> particles = children(root);
        if (particles.size() != 1) {
            throw invalid(source, "<Bins> contains " + particles.size() + " particle elements; expected exactly one "
                    + "<Bin> (or <Particle>)");
        }
        Element particle = particles.get(0);
        if (!particle.getTagName().equals("Bin") && !particle.getTagName().equals("Particle")) {
            throw invalid(source, "found <" + particle.getTagName() + "> inside <Bins>, expected <Bin> or <Particle>");
        }
        String name = particle.getAttribute("name");
        int pid = particle.hasAttribute("pid") ? integer(particle, "pid", source) : 0;

        List<CalorimeterLayer> layers = new ArrayList<>();
        for (Element layer : children(particle)) {
            layers.add(layer(layer, layers.size(), source));
        }
        if (layers.isEmpty()) {
            throw invalid(source, "particle '" + name + "' has no <Layer> elements");
        }
        return new CalorimeterGeometry(name, pid, depth, layers);
    }

    private static CalorimeterLayer layer(Element element, int expectedId, String source) {
        if (!element.getTagName().equals("Layer")) {
            throw invalid(source, "found <" + element.getTagName() + "> among the layers, expected <Layer>");
        }
        int id = integer(element, "id", source);
        if (id != expectedId) {
            throw invalid(source, "layer id " + id + " appears where id " + expectedId + " was expected; list the "
                    + "layers in order 0, 1, 2...");
        }
        String edgesText = required(element, "r_edges", source);
        List<Double> edges = new ArrayList<>();
        for (String part : edgesText.split(",")) {
            try {
                edges.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw invalid(source, "layer " + id + " has r_edges=\"" + edgesText + "\"; '" + part.strip()
                        + "' is not a number");
            }
        }
        int angularBins = integer(element, "n_bin_alpha", source);
        try {
            return new CalorimeterLayer(id, edges, angularBins);
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private static double layerDepth(Element root, String source, Double fallback) {
        if (!root.hasAttribute(LAYER_DEPTH_ATTRIBUTE)) {
            if (fallback == null) {
                throw invalid(source, "<Bins> has no " + LAYER_DEPTH_ATTRIBUTE + " attribute; add it (in mm) or pass "
                        + "the layer depth when reading the file");
            }
            return fallback;
        }
        String text = root.getAttribute(LAYER_DEPTH_ATTRIBUTE);
        try {
            double depth = Double.parseDouble(text);
            if (!(depth > 0) || !Double.isFinite(depth)) {
                throw invalid(source, LAYER_DEPTH_ATTRIBUTE + " is " + text + "; it must be a positive depth in mm");
            }
            return depth;
        } catch (NumberFormatException e) {
            throw invalid(source, LAYER_DEPTH_ATTRIBUTE + "=\"" + text + "\" is not a number");
        }
    }

    private static Document parse(InputStream in, String source) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // DefaultHandler throws on fatal errors and keeps the parser from printing them to stderr.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(in);
        } catch (SAXException e) {
            throw invalid(source, "it is not well-formed XML (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser rejects secure processing: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String required(Element element, String attribute, String source) {
        if (!element.hasAttribute(attribute)) {
            throw invalid(source, "<" + element.getTagName() + "> lacks the attribute " + attribute);
        }
        return element.getAttribute(attribute);
    }

    private static int integer(Element element, String attribute, String source) {
        String text = required(element, attribute, source);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(source, "<" + element.getTagName() + "> has " + attribute + "=\"" + text
                    + "\", which is not an integer");
        }
    }

    private static IllegalArgumentException invalid(String source, String problem) {
        return new IllegalArgumentException("invalid binning file " + source + ": " + problem);
    }
}
